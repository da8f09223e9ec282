/**
 * Autocomplete: {@link io.pairpad.complete.AutocompleteService#complete(String, int, String)}, a pure
 * function of (code, cursor, language), thread-safe, no I/O per request.
 *
 * <h2>Pipeline</h2>
 * <ol>
 * <li><b>Lexing</b>: {@code Lexer} (shared scanning) with {@code PythonLexer}, {@code JavaLexer},
 *     {@code JsLexer} (JavaScript and TypeScript) and the configurable {@code GenericLexer} for the
 *     other languages; {@code LanguageSpec} holds each language's lexer, keywords and builtins.
 *     {@code LexCache} re-lexes only around an edit of a recent text ({@code Lexer.relex}).</li>
 * <li><b>Document</b>: {@code Document} finds what is being typed at the cursor (word prefix, or the
 *     inside of a comment or string) and the model-stream context before it ({@code ModelStream},
 *     {@code LineIndex}: tokens plus indentation markers); its statistics ({@code DocumentStats}) come
 *     from n-gram tables per chunk of lines ({@code NgramTable}, cached by chunk text in
 *     {@code ChunkCache}; merged answers remembered in {@code ChunkSet}, made from an earlier set when
 *     the cursor moves).</li>
 * <li><b>Candidates and ranking</b>: {@code Predictor} gathers candidates (document words, the cache
 *     model's and the prior's continuations, keywords and builtins, parameters of the enclosing
 *     function from {@code EnclosingScope}, recent names, repeated line shapes from
 *     {@code LineAnalogs}), computes {@code Features} with {@code CacheModel} (the document's
 *     n-gram model) and {@code PriorView} (the shipped {@code PriorModel}), and ranks them with the
 *     learnt {@code Ranker} per {@code ContextClass} (linear in the features plus a small
 *     {@code HiddenLayer} for how they combine), whose distribution {@code Confidence}
 *     makes as peaked as the place is predictable; at a line start {@code BlockContinuation} then
 *     drops what Python's grammar rules out there (anything but except or finally after a try block).</li>
 * <li><b>Suggestion</b>: {@code SuggestionOptions} lists the strings worth offering (the rests of
 *     the likeliest tokens and every start of them, each with the total probability of the tokens
 *     that begin with it; a {@code Snippets} block starter; what follows a complete word; the likeliest
 *     extended past the word by {@code NextTokenModel}, rendered with {@code Spacing}).
 *     {@code SuggestionBuilder} calibrates each ({@code Calibration}) and picks the ghost text: while a
 *     word is typed the longest that clears the show threshold, elsewhere the surest.
 *     {@code ProseCompleter} handles comments and strings (only words already used in them).</li>
 * </ol>
 *
 * <h2>Shipped data</h2> ({@code src/main/resources/complete/}, read once by the constructor)
 * {@code prior-LANG.bin.gz} (bench/autocomplete/build-prior.sh, from the dev list only),
 * {@code ranker.json} (train_ranker.py), {@code confidence.json} and, for where nothing follows the cursor,
 * {@code confidence-end.json} (fit_confidence.py),
 * {@code calibration.json} and {@code policy.json} (fit_calibration.py). See bench/RESULTS-autocomplete.md for how they were made and measured.
 */
package io.pairpad.complete;
