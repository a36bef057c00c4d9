package io.antiphon.engine.study;

/** What a model hears before it predicts the soprano's next pitch. */
public enum NextPitchContext {
    /** The soprano line alone, as a player's melody would come in (the source documents' melody task). */
    MELODY_ONLY,
    /** The whole chorale so far, all four voices (the texture the models were trained on). */
    FULL_TEXTURE
}
