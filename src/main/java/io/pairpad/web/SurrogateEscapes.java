package io.pairpad.web;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Writes every UTF-16 surrogate as a {@code \\uXXXX} escape. Text positions count UTF-16 units, so an op may
 * legally split a surrogate pair; escaped, a lone half survives the trip through UTF-8 instead of turning
 * into U+FFFD and corrupting the text.
 */
final class SurrogateEscapes extends CharacterEscapes {
    private final int[] asciiEscapes = CharacterEscapes.standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (Character.isSurrogate((char) ch)) {
            return new SerializedString(String.format("\\u%04X", ch));
        }
        return null;
    }
}
