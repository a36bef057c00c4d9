package io.antiphon.engine.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.antiphon.engine.kernel.StepModel;
import io.antiphon.engine.perform.MidiOut;
import io.antiphon.engine.perform.Parameter;
import io.antiphon.engine.perform.Performer;
import io.antiphon.engine.perform.PerformerParameters;
import io.antiphon.engine.perform.PerformerPhase;
import io.antiphon.engine.perform.PerformerStatus;
import io.antiphon.engine.token.TimedNote;
import io.antiphon.engine.token.Vocabulary;

/**
 * The musical measure of learning the player (docs/models.md, Learning the player): calls are played into the
 * performer core in call-and-response on a simulated clock (no ports, no waiting), on the parameters' clock source
 * ({@code eval --answers}: the player clock, as the demo and {@code play} use: the tempo and beat heard from the call,
 * the answer's time on the player's grid), and each answer is compared with its
 * call by {@link MotifShare}, with the session's learning on ({@code adapt} as given) and off ({@code adapt} 0), over
 * several seeds. Each call is a fresh session.
 */
public final class AnswerStudy {

    private static final long MS = 1_000_000L;
    private static final long STEP = 5 * MS;
    /** The longest an answer may take after the call, in simulated time. */
    private static final long MAX_ANSWER = 60_000 * MS;

    /** Mean shares over every call and seed. */
    public record Shares(double motifs3, double motifs4, double key, int answers, double answerNotes) {
        Map<String, Object> toMap(String suffix) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("motif3_share_" + suffix, motifs3);
            map.put("motif4_share_" + suffix, motifs4);
            map.put("key_share_" + suffix, key);
            map.put("answer_notes_" + suffix, answerNotes);
            return map;
        }
    }

    /** The figures with the learning on and off, on the same calls and seeds. */
    public record Result(int calls, int seeds, double adapt, Shares adapted, Shares trained) {
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("calls", calls);
            map.put("seeds", seeds);
            map.put("adapt", adapt);
            map.putAll(adapted.toMap("adapted"));
            map.putAll(trained.toMap("static"));
            return map;
        }
    }

    /** A call is a piece's opening: its notes that start in the first this many beats. */
    public static final int CALL_BEATS = 32;

    private AnswerStudy() {
    }

    /** The openings of the first {@code count} pieces with at least eight notes there (see {@link #CALL_BEATS}). */
    public static List<List<TimedNote>> openings(List<io.antiphon.engine.corpus.Piece> pieces, int count) {
        List<List<TimedNote>> calls = new ArrayList<>();
        long limit = (long) CALL_BEATS * Vocabulary.TICKS_PER_QUARTER;
        for (io.antiphon.engine.corpus.Piece piece : pieces) {
            if (calls.size() == count) break;
            long first = piece.notes().stream().mapToLong(TimedNote::startTick).min().orElse(0);
            List<TimedNote> call = new ArrayList<>();
            for (TimedNote n : piece.notes()) {
                if (n.startTick() - first < limit) {
                    call.add(new TimedNote(n.pitch(), n.velocity(), n.startTick() - first, Math.min(n.endTick() - first, limit)));
                }
            }
            if (MotifShare.topLine(call).length >= 8) calls.add(call);
        }
        return calls;
    }

    /**
     * @param models     a fresh step model per session (each call starts from zero state)
     * @param parameters the preset's parameters (copied per session; mode call-and-response)
     * @param calls      the calls, as notes in ticks (1/24 beat) at the parameters' tempo
     */
    public static Result run(Supplier<StepModel> models, PerformerParameters parameters, List<List<TimedNote>> calls,
                             int seeds, double adapt) {
        return new Result(calls.size(), seeds, adapt, shares(models, parameters, calls, seeds, adapt),
                shares(models, parameters, calls, seeds, 0));
    }

    private static Shares shares(Supplier<StepModel> models, PerformerParameters parameters, List<List<TimedNote>> calls,
                                 int seeds, double adapt) {
        double m3 = 0, m4 = 0, key = 0, notes = 0;
        int n3 = 0, n4 = 0, nk = 0, answers = 0;
        for (List<TimedNote> call : calls) {
            int[] callLine = MotifShare.topLine(call);
            for (int seed = 1; seed <= seeds; seed++) {
                List<TimedNote> answer = answer(models.get(), parameters, call, seed, adapt);
                int[] line = MotifShare.topLine(answer);
                answers++;
                notes += answer.size();
                double s3 = MotifShare.intervalShare(callLine, line, 3);
                double s4 = MotifShare.intervalShare(callLine, line, 4);
                double k = MotifShare.keyShare(callLine, line);
                if (!Double.isNaN(s3)) { m3 += s3; n3++; }
                if (!Double.isNaN(s4)) { m4 += s4; n4++; }
                if (!Double.isNaN(k)) { key += k; nk++; }
            }
        }
        return new Shares(m3 / n3, m4 / n4, key / nk, answers, notes / answers);
    }

    /** Plays {@code call} into a fresh performer and returns the machine's first answer, in ticks from its start. */
    static List<TimedNote> answer(StepModel model, PerformerParameters preset, List<TimedNote> call, long seed, double adapt) {
        PerformerParameters parameters = new PerformerParameters();
        for (Parameter p : Parameter.values()) parameters.set(p, preset.get(p));
        parameters.set(Parameter.MODE, 0);
        parameters.set(Parameter.THRU, 0);
        parameters.set(Parameter.ADAPT, adapt);
        double nanosPerTick = 60e9 / parameters.tempoBpm() / Vocabulary.TICKS_PER_QUARTER;
        Collector out = new Collector(nanosPerTick);
        Performer performer = new Performer(model, parameters, seed, out);
        List<long[]> events = new ArrayList<>();
        for (TimedNote n : call) {
            events.add(new long[] {Math.round(n.startTick() * nanosPerTick) + MS, 0x90, n.pitch(), n.velocity()});
            events.add(new long[] {Math.round(n.endTick() * nanosPerTick), 0x80, n.pitch(), 0});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long now = 0;
        int next = 0;
        PerformerStatus status = new PerformerStatus();
        long end = events.get(events.size() - 1)[0] + MAX_ANSWER;
        long answersDuringCall = -1;
        while (now < end) {
            now += STEP;
            while (next < events.size() && events.get(next)[0] <= now) {
                long[] e = events.get(next++);
                performer.onMidi(e[0], (int) e[1], (int) e[2], (int) e[3]);
            }
            performer.advance(now);
            if (next == events.size()) {
                performer.readStatus(status);
                // the answer to the call begins after its last event (one begun at a rest inside the call and cut off by
                // its next note is not it)
                if (answersDuringCall < 0) answersDuringCall = status.answers();
                if (status.answers() > answersDuringCall && status.phase() == PerformerPhase.LISTENING) break;
            }
        }
        performer.allNotesOff(now);
        return out.notes();
    }

    /** The machine's notes, as timed notes in ticks. */
    private static final class Collector implements MidiOut {
        private final double nanosPerTick;
        private final long[] onAt = new long[128];
        private final int[] velocity = new int[128];
        private final List<TimedNote> notes = new ArrayList<>();

        Collector(double nanosPerTick) {
            this.nanosPerTick = nanosPerTick;
            java.util.Arrays.fill(onAt, -1);
        }

        @Override
        public void send(long timeNanos, int status, int data1, int data2) {
            int kind = status & 0xF0;
            long tick = Math.round(timeNanos / nanosPerTick);
            if (kind == 0x90 && data2 > 0) {
                onAt[data1] = tick;
                velocity[data1] = data2;
            } else if ((kind == 0x80 || kind == 0x90) && onAt[data1] >= 0) {
                if (Vocabulary.isPlayable(data1)) {
                    notes.add(new TimedNote(data1, velocity[data1], onAt[data1], Math.max(tick, onAt[data1] + 1)));
                }
                onAt[data1] = -1;
            }
        }

        List<TimedNote> notes() {
            return notes;
        }
    }
}
