package io.pairpad.web;

/** The body of every failure: {@code {"error": "...", "message": "..."}}. */
public record ErrorBody(String error, String message) {
}
