package io.matey.lint;

/**
 * A line matey reads as a {@code -- migrate:up} or {@code -- migrate:down} marker.
 *
 * @param transaction false when matey reads {@code transaction:false} among its options
 */
record MarkerLine(int line, String text, boolean up, boolean transaction) {

    String kind() {
        return up ? "up" : "down";
    }
}
