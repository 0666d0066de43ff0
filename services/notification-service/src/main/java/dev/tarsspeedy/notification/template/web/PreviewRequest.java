package dev.tarsspeedy.notification.template.web;

import java.util.Map;

/**
 * What to preview: the model as a request would carry it.
 *
 * @param locale {@code ko} for Korean, anything else (or nothing) English, as for a request
 * @param model the template's model
 * @param unsubscribeUrl for a bulk template, the link its footer shows; optional ({@code #} without one)
 */
record PreviewRequest(String locale, Map<String, Object> model, String unsubscribeUrl) {}
