package org.turnladder.stun;

import java.util.List;
import org.turnladder.decode.Field;

/** Checks that every field (recursively) lies inside the decoded bytes. */
final class FieldBounds {
    private FieldBounds() {
    }

    static void assertInside(List<Field> fields, int messageLength) {
        for (Field f : fields) {
            if (f.offset() < 0 || f.length() < 0 || f.offset() + f.length() > messageLength) {
                throw new AssertionError("field " + f.name() + " at " + f.offset() + "+" + f.length()
                        + " outside a message of " + messageLength + " bytes");
            }
            assertInside(f.children(), messageLength);
        }
    }
}
