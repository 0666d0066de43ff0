package dev.tarsspeedy.platform.events.notes;

import java.util.UUID;

/** The test service's event payload. */
record NoteWritten(UUID noteId, String text) {}
