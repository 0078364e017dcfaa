package io.providerkind.sdk;

/**
 * How far a create has come: kind's step {@code step} of {@code total}, with kind's own text
 * (for example step 4 of 6, "Starting control-plane").
 */
public record Progress(int step, int total, String text) {}
