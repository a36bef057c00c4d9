// An independent RTP-MIDI peer for RtpMidiInteropTest: the npm package `rtpmidi` (1.0.0), driven over stdin/stdout.
// Usage: NODE_PATH=DIR/node_modules node rtpmidi-peer.js PORT NAME
// stdin, one command a line:  invite HOST PORT | send STATUS DATA1 DATA2 (decimal) | end
// stdout, one event a line, each starting with '@':
//   @ready PORT | @connected NAME | @synced NAME (the peer can now send to NAME) | @midi STATUS DATA1 DATA2 | @removed NAME | @ended | @error TEXT
// Everything else on stdout (the package's own logging, silenced unless RTPMIDI_PEER_VERBOSE is set) is not ours.
'use strict';
const readline = require('readline');
const rtpmidi = require('rtpmidi');

if (!process.env.RTPMIDI_PEER_VERBOSE) rtpmidi.logger.silent = true;

const port = parseInt(process.argv[2], 10);
const name = process.argv[3] || 'npm-peer';
const emit = (line) => process.stdout.write('@' + line + '\n');
// the package keeps the NUL that ends a name in the packet
const nameOf = (stream) => String(stream.name).replace(/\0/g, '');

const session = new rtpmidi.Session(port, name, name, undefined, false, 4);
session.on('ready', () => emit('ready ' + port));
session.on('error', (e) => emit('error ' + String(e && e.message || e).replace(/\s+/g, ' ')));
session.on('streamAdded', (event) => emit('connected ' + nameOf(event.stream)));
session.on('streamRemoved', (event) => emit('removed ' + nameOf(event.stream)));
session.on('message', (deltaTime, message) => {
  const bytes = Array.from(message);
  emit('midi ' + bytes.join(' '));
});
// Session.start() would bind every interface: this peer stays on the loopback interface.
session.controlChannel.bind(port, '127.0.0.1');
session.messageChannel.bind(port + 1, '127.0.0.1');

// A stream can send once its own clock exchange has set latency and timeDifference: say so once per stream.
const synced = new Set();
setInterval(() => {
  session.streams.forEach((stream) => {
    if (!synced.has(stream) && stream.isConnected && stream.latency !== null && stream.timeDifference !== null) {
      synced.add(stream);
      emit('synced ' + nameOf(stream));
    }
  });
}, 20);

const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => {
  const words = line.trim().split(/\s+/);
  try {
    switch (words[0]) {
      case 'invite':
        session.connect({ address: words[1], port: parseInt(words[2], 10) });
        break;
      case 'send':
        // the two-argument form: the package's one-argument form fails on an undefined command
        session.sendMessage(0, words.slice(1).map((w) => parseInt(w, 10)));
        break;
      case 'end':
        session.end(() => { emit('ended'); process.exit(0); });
        break;
      default:
        emit('error unknown command ' + words[0]);
    }
  } catch (e) {
    emit('error ' + String(e && e.message || e).replace(/\s+/g, ' '));
  }
});
input.on('close', () => process.exit(0));
