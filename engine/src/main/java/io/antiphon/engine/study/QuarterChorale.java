package io.antiphon.engine.study;

import io.antiphon.engine.corpus.JsbChoralesCorpus;
import io.antiphon.engine.corpus.Split;
import io.antiphon.engine.token.SameKeyOverlaps;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.Vocabulary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A held-out chorale as the next-pitch measure reads it: the four voices of {@code Jsb16thSeparated.json} sampled at
 * every quarter note (every fourth sixteenth: the frame of the piano-roll benchmark file), transposed so that the last
 * bass note is a C (Boulanger-Lewandowski's piano-roll file puts 356 of the 382 chorales in C this way, and the
 * piano-roll model was trained on it). A pitch repeated by a voice on consecutive frames is one held note.
 *
 * @param name   the chorale, e.g. {@code jsb-test-004}
 * @param frames {@code [frame][voice]}: soprano, alto, tenor, bass; {@link JsbChoralesCorpus#REST} for a rest
 */
public record QuarterChorale(String name, int[][] frames) {

    public static final int SOPRANO = 0;
    private static final int BASS = 3;
    private static final int STEPS_PER_FRAME = 4;

    /** Every chorale of {@code split}. */
    public static List<QuarterChorale> of(JsbChoralesCorpus corpus, Split split) throws IOException {
        List<int[][]> chorales = corpus.voiceSteps(split);
        List<QuarterChorale> result = new ArrayList<>(chorales.size());
        String key = split.name().toLowerCase(Locale.ROOT);
        for (int index = 0; index < chorales.size(); index++) {
            result.add(of(String.format(Locale.ROOT, "jsb-%s-%03d", key, index), chorales.get(index)));
        }
        return result;
    }

    /** One chorale given as {@code [sixteenth][voice]}. */
    static QuarterChorale of(String name, int[][] sixteenths) {
        int shift = shiftToC(sixteenths);
        int[][] frames = new int[(sixteenths.length + STEPS_PER_FRAME - 1) / STEPS_PER_FRAME][JsbChoralesCorpus.VOICES];
        for (int f = 0; f < frames.length; f++) {
            for (int voice = 0; voice < JsbChoralesCorpus.VOICES; voice++) {
                int pitch = sixteenths[f * STEPS_PER_FRAME][voice];
                frames[f][voice] = pitch == JsbChoralesCorpus.REST ? pitch : pitch + shift;
            }
        }
        return new QuarterChorale(name, frames);
    }

    /** Semitones (-6..5) that make the last bass note a C; 0 when the bass never sounds. */
    static int shiftToC(int[][] sixteenths) {
        for (int s = sixteenths.length - 1; s >= 0; s--) {
            int bass = sixteenths[s][BASS];
            if (bass == JsbChoralesCorpus.REST) continue;
            int pitchClass = bass % 12;
            return pitchClass <= 6 ? -pitchClass : 12 - pitchClass;
        }
        return 0;
    }

    /** The notes of one voice, a frame lasting a quarter note, in onset order. */
    public List<TimedNote> voiceNotes(int voice) {
        List<TimedNote> notes = new ArrayList<>();
        for (int f = 0; f < frames.length; ) {
            int pitch = frames[f][voice];
            int end = f + 1;
            while (end < frames.length && frames[end][voice] == pitch) end++;
            if (pitch != JsbChoralesCorpus.REST) {
                notes.add(new TimedNote(pitch, JsbChoralesCorpus.VELOCITY,
                        (long) f * Vocabulary.TICKS_PER_QUARTER, (long) end * Vocabulary.TICKS_PER_QUARTER));
            }
            f = end;
        }
        return notes;
    }

    /** The notes of all four voices, in onset order. */
    public List<TimedNote> allNotes() {
        List<TimedNote> notes = new ArrayList<>();
        for (int voice = 0; voice < JsbChoralesCorpus.VOICES; voice++) notes.addAll(voiceNotes(voice));
        notes.sort(SameKeyOverlaps.ONSET_ORDER);
        return notes;
    }

    /** The keys sounding in each frame (all voices, or the soprano alone), as the piano-roll model hears them. */
    public boolean[][] roll(boolean sopranoOnly) {
        boolean[][] roll = new boolean[frames.length][Vocabulary.PITCHES];
        for (int f = 0; f < frames.length; f++) {
            for (int voice = 0; voice < (sopranoOnly ? 1 : JsbChoralesCorpus.VOICES); voice++) {
                int pitch = frames[f][voice];
                if (pitch != JsbChoralesCorpus.REST) roll[f][pitch - Vocabulary.LOWEST_PITCH] = true;
            }
        }
        return roll;
    }
}
