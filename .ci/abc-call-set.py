#!/usr/bin/env python3
"""A set of calls for `antiphon groove --calls DIR` from ABC tune books: tunes drawn at random (seeded), each rendered
by abc2midi (Debian's abcmidi) with grace notes, chord symbols, dynamics and fermatas off and its rhythm and tempo
headers dropped; the first --bars bars of the tune's own metre with its pickup, the top note per onset, written as a
Standard MIDI File with no tempo event (480 ticks per quarter), the first full bar line on a quarter of the file. The
pickup is measured by rendering the first bar alone with a marker note after it (a first bar that ends in a rest, or
in staccato notes, is not a pickup). Tunes with several voices, without a metre of the form N/M, C or C|, or with fewer
than eight notes in those bars are passed over. Each file is named BOOK-X-NM.mid (the book's file name, the tune's
reference number, its metre); pickups.tsv beside them gives each one's pickup and bar, in quarters.

    python3 .ci/abc-call-set.py --abc BOOK.abc [BOOK.abc ...] --out DIR [--count 300] [--seed 50] [--bars 4]
"""
import argparse
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from standard_midi import empty_call_folder, paired_notes, require_files, top_line, write_call  # noqa: E402

MARKER = 'C,,,,8'   # MIDI key 12 (an octave or two higher in a tune transposed by its K: line), below any tune's notes
MARKER_BELOW = 30


def tunes_of(path):
    """(book, reference number, lines) of each tune in an ABC file, a tune running from its X: line to the next."""
    book = os.path.splitext(os.path.basename(path))[0]
    tunes, current = [], None
    with open(path, encoding='latin-1') as f:
        for line in f.read().split('\n'):
            if line.startswith('X:'):
                current = [line]
                tunes.append((book, line[2:].strip(), current))
            elif current is not None:
                current.append(line)
    return tunes


def render(lines, workdir):
    """The notes abc2midi renders for an ABC tune, as (onset, offset, key) in quarters, sorted; None if it fails."""
    abc, mid = os.path.join(workdir, 't.abc'), os.path.join(workdir, 't.mid')
    with open(abc, 'w', encoding='latin-1') as f:
        f.write('\n'.join(lines) + '\n')
    if os.path.exists(mid):
        os.remove(mid)
    subprocess.run(['abc2midi', abc, '-o', mid, '-NGRA', '-NGUI', '-NFNP', '-NCOM', '-NFER', '-silent', '-quiet'],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20)
    if not os.path.exists(mid):
        return None
    try:
        notes, division = paired_notes(mid)
    except ValueError:
        return None
    return sorted((start / division, end / division, key) for start, end, key, channel, _ in notes if channel != 9)


def quarters_per_bar(meter):
    meter = meter.split()[0] if meter.split() else ''
    if meter == 'C':
        return 4, 4, 4.0
    if meter == 'C|':
        return 2, 2, 4.0
    m = re.match(r'^(\d+)/(\d+)$', meter)
    if not m:
        return None
    num, den = int(m.group(1)), int(m.group(2))
    return num, den, 4 * num / den


def call_of(lines, bars, workdir):
    """(name suffix, pickup, bar, notes as (on ms, off ms, key, velocity) at 120 BPM) of a tune, or None."""
    lines = [l for l in lines if not re.match(r'^\s*[RQ]:', l) and not l.startswith('%')]
    k = next((i for i, l in enumerate(lines) if l.startswith('K:')), None)
    if k is None or any(l.startswith('V:') for l in lines):
        return None
    meter = next((l[2:].strip() for l in lines[:k] if l.startswith('M:')), None)
    parsed = quarters_per_bar(meter) if meter is not None else None
    if parsed is None:
        return None
    num, den, bar = parsed
    body = ' '.join(l for l in lines[k + 1:] if not re.match(r'^[A-Za-z]:', l)).lstrip(' |:[]')
    cut = body.find('|')
    if cut <= 0:
        return None
    first = render(lines[:k + 1] + [body[:cut] + '| ' + MARKER + ' |'], workdir)
    notes = render(lines, workdir)
    markers = [n[0] for n in first or [] if n[2] < MARKER_BELOW]
    if not notes or len(notes) < 8 or not markers:
        return None
    first_bar = round(max(markers) * 96) / 96
    pickup = first_bar if first_bar < bar - 1e-6 else 0.0
    start = round(notes[0][0] * 96) / 96   # abc2midi starts every note a tick late
    end = start + pickup + bars * bar
    shift = (math.ceil(pickup - 1e-6) - pickup) - start
    grid = lambda q: round(q * 96) / 96
    call = [(grid(on + shift) * 500, grid(off + shift) * 500, key, 80) for on, off, key in top_line(n for n in notes if n[0] < end - 1e-6)]
    return ('%d%d' % (num, den), pickup, bar, call) if len(call) >= 8 else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--abc', nargs='+', required=True, help='ABC files (tune books)')
    parser.add_argument('--out', required=True, help='a folder for the calls (made if missing; must hold no .mid yet)')
    parser.add_argument('--count', type=int, default=300, help='how many calls to write (default 300)')
    parser.add_argument('--seed', type=int, default=50, help='seed of the draw (default 50)')
    parser.add_argument('--bars', type=int, default=4, help="bars of each tune's own metre, after its pickup (default 4)")
    args = parser.parse_args()
    require_files('abc-call-set', args.abc, 'ABC')
    if shutil.which('abc2midi') is None:
        sys.exit('abc-call-set: abc2midi is not installed (Debian: apt-get install abcmidi).')
    if args.count < 1 or args.bars < 1:
        sys.exit('abc-call-set: --count and --bars must be at least 1.')
    empty_call_folder('abc-call-set', args.out)
    tunes = [t for path in sorted(args.abc) for t in tunes_of(path)]
    random.Random(args.seed).shuffle(tunes)
    made = 0
    with tempfile.TemporaryDirectory() as workdir, open(os.path.join(args.out, 'pickups.tsv'), 'w') as table:
        for book, number, lines in tunes:
            if made >= args.count:
                break
            call = call_of(lines, args.bars, workdir)
            if call is None:
                continue
            meter, pickup, bar, notes = call
            name = '%s-%s-%s' % (book, number, meter)
            write_call(os.path.join(args.out, name + '.mid'), notes)
            table.write('%s.mid\t%g\t%g\n' % (name, pickup, bar))
            made += 1
    print('%d calls in %s (of %d tunes in %d books)' % (made, args.out, len(tunes), len(args.abc)))


if __name__ == '__main__':
    main()
