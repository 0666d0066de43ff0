package dev.tarsspeedy.alert.pricealert;

/** Which way a {@link AlertKind#MOVE_PERCENT} alert's move counts. */
public enum MoveDirection {
    UP,
    DOWN,
    EITHER
}
