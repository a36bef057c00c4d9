package io.antiphon.engine.harness;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import io.antiphon.midi.file.Note;

/**
 * Draws a call and its answer as a piano roll PNG (Java2D, works headless): time runs left to right with a labelled
 * seconds axis, pitch bottom to top with the C of every octave labelled and the black keys' rows shaded; the call and
 * the answer in two colours, a dashed line where the phrase end was decided.
 */
public final class PianoRoll {

    static final Color CALL = new Color(0x2F6DB5);
    static final Color ANSWER = new Color(0xE0861F);
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color BLACK_KEY_ROW = new Color(0xF0F0F3);
    private static final Color GRID = new Color(0xD0D0D8);
    private static final Color TEXT = new Color(0x303036);
    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    private static final int WIDTH = 1400;
    private static final int HEIGHT = 640;
    private static final int LEFT = 64;
    private static final int RIGHT = 24;
    private static final int TOP = 48;
    private static final int BOTTOM = 48;
    private static final int LEGEND_SWATCH = 24;

    private PianoRoll() {
    }

    /**
     * Writes the piano roll of {@code call} and {@code answer} (timed by their seconds) to {@code png}.
     *
     * @param decisionSeconds when the answer was decided (a dashed line), or a negative number for none
     */
    public static void write(Path png, List<Note> call, List<Note> answer, double decisionSeconds) throws IOException {
        write(png, call, answer, decisionSeconds, "Antiphon: call and response", "call (human", "answer (Antiphon");
    }

    /**
     * As {@link #write(Path, List, List, double)}, titled {@code title}, the two parts named in the legend
     * {@code humanName} and {@code machineName} (each followed by its note count), e.g. a melody and its voices.
     */
    public static void write(Path png, List<Note> call, List<Note> answer, double decisionSeconds, String title, String humanName,
                             String machineName) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            draw(g, call, answer, decisionSeconds, title, humanName, machineName);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", png.toFile())) throw new IOException("no PNG writer available for " + png);
    }

    private static void draw(Graphics2D g, List<Note> call, List<Note> answer, double decisionSeconds, String title,
                             String humanName, String machineName) {
        int low = 127;
        int high = 0;
        double end = 1;
        for (List<Note> notes : List.of(call, answer)) {
            for (Note note : notes) {
                low = Math.min(low, note.pitch());
                high = Math.max(high, note.pitch());
                end = Math.max(end, note.endSeconds());
            }
        }
        if (low > high) {
            low = 60;
            high = 72;
        }
        low = Math.max(0, low - 2);
        high = Math.min(127, high + 2);
        double seconds = Math.ceil(end + 0.25);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        double rowHeight = (double) plotHeight / (high - low + 1);
        double pixelsPerSecond = plotWidth / seconds;

        g.setColor(BACKGROUND);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = g.getFontMetrics();
        for (int pitch = low; pitch <= high; pitch++) {
            int y = (int) Math.round(TOP + (high - pitch) * rowHeight);
            int h = Math.max(1, (int) Math.round(TOP + (high - pitch + 1) * rowHeight) - y);
            if (NAMES[pitch % 12].length() == 2) {
                g.setColor(BLACK_KEY_ROW);
                g.fillRect(LEFT, y, plotWidth, h);
            }
            if (pitch % 12 == 0) {
                g.setColor(GRID);
                g.drawLine(LEFT, y + h, LEFT + plotWidth, y + h);
                g.setColor(TEXT);
                String label = NAMES[0] + (pitch / 12 - 1);
                g.drawString(label, LEFT - 8 - metrics.stringWidth(label), y + h / 2 + metrics.getAscent() / 2);
            }
        }
        double step = seconds <= 12 ? 0.5 : seconds <= 30 ? 1 : 5;
        for (double t = 0; t <= seconds + 1e-9; t += step) {
            int x = (int) Math.round(LEFT + t * pixelsPerSecond);
            g.setColor(GRID);
            g.drawLine(x, TOP, x, TOP + plotHeight);
            if (Math.abs(t - Math.rint(t)) < 1e-9) {
                g.setColor(TEXT);
                String label = String.format(Locale.ROOT, "%d s", Math.round(t));
                g.drawString(label, x - metrics.stringWidth(label) / 2, TOP + plotHeight + 6 + metrics.getAscent());
            }
        }
        g.setColor(TEXT);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        g.drawString("time", LEFT + plotWidth / 2 - metrics.stringWidth("time") / 2, HEIGHT - 10);

        drawNotes(g, call, CALL, high, rowHeight, pixelsPerSecond);
        drawNotes(g, answer, ANSWER, high, rowHeight, pixelsPerSecond);
        if (decisionSeconds >= 0) {
            int x = (int) Math.round(LEFT + decisionSeconds * pixelsPerSecond);
            g.setColor(TEXT);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{4f, 4f}, 0f));
            g.drawLine(x, TOP, x, TOP + plotHeight);
            g.setStroke(new BasicStroke());
        }

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        String answerLabel = machineName + ", " + answer.size() + " notes)";
        int answerX = WIDTH - RIGHT - LEGEND_SWATCH - g.getFontMetrics().stringWidth(answerLabel);
        String callLabel = humanName + ", " + call.size() + " notes)";
        int callX = answerX - 24 - LEGEND_SWATCH - g.getFontMetrics().stringWidth(callLabel);
        legend(g, callX, 30, CALL, callLabel);
        legend(g, answerX, 30, ANSWER, answerLabel);
    }

    private static void drawNotes(Graphics2D g, List<Note> notes, Color colour, int high, double rowHeight, double pixelsPerSecond) {
        for (Note note : notes) {
            int x = (int) Math.round(LEFT + note.startSeconds() * pixelsPerSecond);
            int w = Math.max(2, (int) Math.round((note.endSeconds() - note.startSeconds()) * pixelsPerSecond));
            int y = (int) Math.round(TOP + (high - note.pitch()) * rowHeight);
            int h = Math.max(2, (int) Math.round(rowHeight) - 1);
            g.setColor(colour);
            g.fillRoundRect(x, y, w, h, 4, 4);
            g.setColor(colour.darker());
            g.drawRoundRect(x, y, w, h, 4, 4);
        }
    }

    private static void legend(Graphics2D g, int x, int y, Color colour, String label) {
        g.setColor(colour);
        g.fillRoundRect(x, y - 10, 18, 10, 4, 4);
        g.setColor(TEXT);
        g.drawString(label, x + LEGEND_SWATCH, y);
    }
}
