package io.pairpad.web;

/** A failure with its PROTOCOL.md status and error code; the message is shown to the client. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String error;

    public ApiException(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static ApiException invalidJson(String message) {
        return new ApiException(400, "invalid_json", message);
    }

    public static ApiException validation(String message) {
        return new ApiException(400, "validation_failed", message);
    }

    public static ApiException unsupportedLanguage(String language) {
        return new ApiException(400, "unsupported_language",
                "Language '" + Names.shorten(language, 40) + "' is not supported; see GET /api/languages");
    }

    public static ApiException roomNotFound(String roomId) {
        return new ApiException(404, "room_not_found", "No room with id " + Names.shorten(roomId, 8) + "…");
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, "too_large", message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
