#!/usr/bin/env python3
"""A set of calls for `antiphon groove --calls DIR` from MusicXML scores (.xml, .musicxml, or compressed .mxl): the
first part of each score (a chorale's soprano, a quartet's first violin, a song's or a piano piece's top staff), the top
note per onset, ties joined, grace and cue notes left out, each note cut at the next onset. Windows of --bars bars: the
first from the bar of the first note, with its pickup; then, unless the file's name matches --first-only, one every
eight bars after it, up to --later more. A window whose bars differ in length or from their time signature, that holds
a silence of more than two quarters, or fewer than eight notes, is passed over. Each is written as a Standard MIDI File
with no tempo event (480 ticks per quarter), its first full bar line on a quarter of the file, named
FOLDER-FILE-bNNN.mid (NNN the window's first bar, from 1); pickups.tsv beside them gives each one's pickup and bar, in
quarters.

    python3 .ci/musicxml-call-set.py --xml SCORE.mxl [SCORE.xml ...] --out DIR [--bars 4] [--later 5] \\
        [--first-only 'bwv*']
"""
import argparse
import fnmatch
import io
import math
import os
import sys
import xml.etree.ElementTree as ElementTree
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from standard_midi import empty_call_folder, require_files, top_line, write_call  # noqa: E402

STEPS = {'C': 0, 'D': 2, 'E': 4, 'F': 5, 'G': 7, 'A': 9, 'B': 11}
EPSILON = 1e-6


def score_of(path):
    """The root element of a MusicXML file, compressed (.mxl: the root file its container names) or not."""
    if not zipfile.is_zipfile(path):
        return ElementTree.parse(path).getroot()
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        name = None
        if 'META-INF/container.xml' in names:
            container = ElementTree.fromstring(archive.read('META-INF/container.xml'))
            name = next((e.get('full-path') for e in container.iter() if e.tag.endswith('rootfile')), None)
        if name is None:
            name = next(n for n in names if n.endswith('.xml') and not n.startswith('META-INF'))
        return ElementTree.parse(io.BytesIO(archive.read(name))).getroot()


def notes_and_bars(part):
    """The part's notes as [onset, length, pitch, tied from the one before] and its bars as (start, length, length its
    time signature gives), all in quarters."""
    divisions, signature, cursor, last_onset = 1.0, None, 0.0, 0.0
    notes, bars = [], []
    for measure in part.findall('measure'):
        start = end = cursor
        for element in measure:
            if element.tag == 'attributes':
                if element.find('divisions') is not None:
                    divisions = float(element.find('divisions').text)
                time = element.find('time')
                if time is not None and time.find('beats') is not None:
                    try:
                        signature = float(time.find('beats').text) * 4 / float(time.find('beat-type').text)
                    except ValueError:   # a compound count such as 3+2
                        signature = None
            elif element.tag in ('backup', 'forward'):
                step = float(element.find('duration').text) / divisions
                cursor += step if element.tag == 'forward' else -step
                end = max(end, cursor)
            elif element.tag == 'note':
                if element.find('grace') is not None or element.find('cue') is not None or element.find('duration') is None:
                    continue
                length = float(element.find('duration').text) / divisions
                chord = element.find('chord') is not None
                onset = last_onset if chord else cursor
                if not chord:
                    cursor += length
                end = max(end, cursor)
                last_onset = onset
                pitch = element.find('pitch')
                if element.find('rest') is not None or pitch is None:
                    continue
                alter = pitch.find('alter')
                key = (12 * (int(pitch.find('octave').text) + 1) + STEPS[pitch.find('step').text]
                       + (round(float(alter.text)) if alter is not None else 0))
                tied = 'stop' in [t.get('type') for t in element.findall('tie')]
                notes.append([onset, length, key, tied])
        cursor = end
        bars.append((start, end - start, signature))
    return notes, bars


def line_of(notes):
    """[(onset, end, pitch)]: ties joined, the top note per onset, each note cut at the next onset."""
    joined = []
    for onset, length, key, tied in sorted(notes, key=lambda n: (n[0], -n[2])):
        held = next((j for j in reversed(joined) if tied and j[2] == key and abs(j[1] - onset) < EPSILON), None)
        if held is not None:
            held[1] = onset + length
        else:
            joined.append([onset, onset + length, key])
    line = [list(n) for n in top_line(joined)]
    for note, after in zip(line, line[1:]):
        note[1] = min(note[1], after[0])
    return line


def windows(line, bars, count, later):
    """(first bar's index, notes, bar length, pickup, first full bar's start) of each window that is kept."""
    if not line:
        return []
    first = 0
    while first < len(bars) and bars[first][0] + bars[first][1] <= line[0][0] + EPSILON:
        first += 1
    kept = []
    for index in [first + 8 * i for i in range(later + 1)]:
        if index >= len(bars):
            break
        start_bar = bars[index]
        pickup = index == first and start_bar[2] is not None and start_bar[1] < start_bar[2] - EPSILON
        span = bars[index:index + count + (1 if pickup else 0)]
        full = span[1:] if pickup else span
        if len(full) < count or any(b[2] is None or abs(b[1] - b[2]) > EPSILON or abs(b[1] - full[0][1]) > EPSILON
                                    for b in full):
            continue
        notes = [n for n in line if span[0][0] - EPSILON <= n[0] < span[-1][0] + span[-1][1] - EPSILON]
        if len(notes) < 8 or any(b[0] - a[1] > 2 + EPSILON for a, b in zip(notes, notes[1:])):
            continue
        kept.append((index, notes, full[0][1], full[0][0] - notes[0][0] if pickup else 0.0, full[0][0]))
    return kept


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--xml', nargs='+', required=True, help='MusicXML files (.xml, .musicxml or .mxl)')
    parser.add_argument('--out', required=True, help='a folder for the calls (made if missing; must hold no .mid yet)')
    parser.add_argument('--bars', type=int, default=4, help='bars in each window, after its pickup (default 4)')
    parser.add_argument('--later', type=int, default=5, help='later windows, one every eight bars (default 5)')
    parser.add_argument('--first-only', default=None, help="file names (a glob, e.g. 'bwv*') whose first window only is taken")
    args = parser.parse_args()
    require_files('musicxml-call-set', args.xml, 'MusicXML')
    if args.bars < 1 or args.later < 0:
        sys.exit('musicxml-call-set: --bars must be at least 1 and --later at least 0.')
    empty_call_folder('musicxml-call-set', args.out)
    made, scores = 0, 0
    with open(os.path.join(args.out, 'pickups.tsv'), 'w') as table:
        for path in sorted(args.xml):
            try:
                part = next((p for p in score_of(path) if p.tag == 'part'), None)
                if part is None:
                    continue
                notes, bars = notes_and_bars(part)
            except (ElementTree.ParseError, zipfile.BadZipFile, KeyError, ValueError, StopIteration) as e:
                print('musicxml-call-set: passed over %s: %s' % (path, e), file=sys.stderr)
                continue
            scores += 1
            stem = os.path.splitext(os.path.basename(path))[0]
            name = '%s-%s' % (os.path.basename(os.path.dirname(os.path.abspath(path))), stem)
            first_only = args.first_only is not None and fnmatch.fnmatch(os.path.basename(path), args.first_only)
            for index, window, bar, pickup, bar_line in windows(line_of(notes), bars, args.bars,
                                                               0 if first_only else args.later):
                zero = bar_line - math.ceil(bar_line - window[0][0] - EPSILON)
                call = '%s-b%03d.mid' % (name, index + 1)
                write_call(os.path.join(args.out, call), [(round((on - zero) * 500), round((end - zero) * 500), key, 80)
                                                          for on, end, key in window])
                table.write('%s\t%g\t%g\n' % (call, pickup, bar))
                made += 1
    print('%d calls in %s (from %d scores)' % (made, args.out, scores))


if __name__ == '__main__':
    main()
