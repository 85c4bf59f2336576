package org.turnladder.decode;

import java.util.List;

/**
 * One decoded field, for the details tree and the hex view.
 *
 * @param name     what the field is ("Message Type", "XOR-PEER-ADDRESS")
 * @param value    its readable value ("Connect Request (0x000a)", "192.0.2.1:3478")
 * @param offset   first byte of the field, relative to the start of the message's bytes
 * @param length   number of bytes
 * @param children sub-fields (an attribute's type, length and value)
 */
public record Field(String name, String value, int offset, int length, List<Field> children) {
    public Field {
        children = List.copyOf(children);
    }

    public static Field leaf(String name, String value, int offset, int length) {
        return new Field(name, value, offset, length, List.of());
    }
}
