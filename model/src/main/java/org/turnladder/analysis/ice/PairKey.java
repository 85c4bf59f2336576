package org.turnladder.analysis.ice;

/**
 * Identity of a candidate pair: its path and, when the checks carry USERNAME, the unordered ufrag pair (which tells
 * the real agents apart when the path is a carrying connection). Null ufrags when the checks carry none.
 */
record PairKey(CheckPath path, String ufragLow, String ufragHigh) {

    static PairKey of(CheckPath path, Ufrags u) {
        return u == null ? new PairKey(path, null, null) : new PairKey(path, u.low(), u.high());
    }
}
