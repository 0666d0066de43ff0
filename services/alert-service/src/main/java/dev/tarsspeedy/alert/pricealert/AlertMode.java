package dev.tarsspeedy.alert.pricealert;

/** What an alert does after it fired. */
public enum AlertMode {
    /** Fires once, then is done (a PATCH of its condition sets it again). */
    ONCE,
    /** Fires again after the price moved back by the hysteresis and crossed anew (and the cooldown passed). */
    REARM
}
