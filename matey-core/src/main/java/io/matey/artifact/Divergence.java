package io.matey.artifact;

import java.util.List;
import java.util.OptionalInt;

/** Where two histories part: the first step replay must start from. */
final class Divergence {

    private Divergence() {
    }

    /** 1-based index of the first differing step; shorter length + 1 for a prefix; empty when equal. */
    static OptionalInt between(List<StepKey> recorded, List<StepKey> current) {
        int common = Math.min(recorded.size(), current.size());
        for (int i = 0; i < common; i++) {
            if (!recorded.get(i).equals(current.get(i))) {
                return OptionalInt.of(i + 1);
            }
        }
        return recorded.size() == current.size() ? OptionalInt.empty() : OptionalInt.of(common + 1);
    }
}
