package io.millstone.server.platform.error;

/** One bad input value: the request field (proto name, dotted for nesting) and what is wrong. */
public record FieldViolation(String field, String description) {}
