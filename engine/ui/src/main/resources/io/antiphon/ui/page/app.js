// Antiphon's live page: a WebSocket to the session, a piano roll on a canvas, a control for every parameter.
// Plain JavaScript, no build step; everything it shows comes from the server's messages (see LivePage.java).
'use strict';

const PAST_MS = 12000;      // the roll shows this much of the past ...
const AHEAD_MS = 3000;      // ... and this much ahead of the now-line (the plan), or more when the plan reaches further
const COLORS = { human: '#4aa3ff', machine: '#ff9f3a', plan: '#ffd08a', now: '#f25f5c', grid: '#1c1f25', key: '#15171c' };

const page = {
  notes: new Map(),         // id -> {part, key, velocity, start, end, planned, planEnd}
  controls: new Map(),      // name -> {spec, input, value, label, element}
  nowMs: 0, nowAt: performance.now(), running: false, tempoBpm: 120,
  beatsPerBar: 4, connected: false, socket: null, dragging: null, drawnAt: -1000, dirty: true, ended: false,
};
window.antiphon = page;     // for the browser test and the curious

const $ = (id) => document.getElementById(id);

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(scheme + '//' + location.host + '/ws' + location.search);
  page.socket = socket;
  socket.onopen = () => setConnection(true);
  socket.onclose = () => { setConnection(false); setTimeout(connect, 1000); };
  socket.onmessage = (event) => receive(JSON.parse(event.data));
}

function setConnection(on) {
  page.connected = on;
  const pill = $('connection');
  const connecting = !on && (!page.socket || page.socket.readyState === WebSocket.CONNECTING);
  pill.textContent = on || (connecting && page.ended) ? (page.running ? 'live' : 'ended') : (connecting ? 'connecting' : 'disconnected');
  pill.className = 'pill ' + (on && page.running ? 'on' : on || connecting ? '' : 'off');
}

function send(message) {
  if (page.socket && page.socket.readyState === WebSocket.OPEN) page.socket.send(JSON.stringify(message));
}

function receive(message) {
  page.dirty = true;
  if (message.type === 'error') { showError(message.message); return; }
  if (message.type === 'hello') {
    page.notes.clear();
    buildControls(message.controls, message.parameters);
    buildPresets(message.presets, message.preset_switching);
    buildActions(message.actions);
  }
  for (const row of message.notes || []) {
    const [id, part, key, velocity, start, end, planned, planEnd] = row;
    page.notes.set(id, { part, key, velocity, start, end, planned, planEnd });
  }
  for (const id of message.dropped || []) page.notes.delete(id);   // planned, never played
  for (const [name, value] of Object.entries(message.changed || {})) setControl(name, value, true);
  showStatus(message);
}

function showStatus(s) {
  page.nowMs = s.now_ms; page.nowAt = performance.now(); page.running = s.running;
  page.ended = !s.running && s.now_ms > 0;   // a performance was played and is over
  page.beatsPerBar = s.beats_per_bar || 4;
  if (s.tempo_bpm > 0) page.tempoBpm = s.tempo_bpm;
  setConnection(page.connected);
  $('mode').textContent = s.mode || '-';
  $('phase').textContent = s.phase;
  $('phase').className = 'pill ' + s.phase;
  $('tempo').textContent = s.tempo_bpm.toFixed(1);
  $('bar').textContent = s.clock_running ? s.bar + ':' + s.beat : '-';
  const beats = $('beats');
  if (beats.children.length !== page.beatsPerBar) {
    beats.innerHTML = '';
    for (let i = 0; i < page.beatsPerBar; i++) beats.appendChild(document.createElement('i'));
  }
  [...beats.children].forEach((dot, i) => { dot.className = (i + 1 === s.beat && s.clock_running ? 'lit' : '') + (i === 0 ? ' first' : ''); });
  $('record').disabled = s.recording; $('stop').disabled = !s.recording;
  $('record').className = s.recording ? 'recording' : '';
  $('recordInfo').textContent = s.recording ? 'recording...' : (s.last_recording ? 'wrote ' + s.last_recording : '');
  if (s.latency) {
    $('latency').innerHTML = '<tr><td></td><td>p50</td><td>p99</td><td>max</td><td>count</td></tr>' + Object.entries(s.latency).map(([name, p]) =>
      `<tr><td>${name.replace(/_us$/, '').replace(/_/g, ' ')}</td><td>${p.p50}</td><td>${p.p99}</td><td>${p.max}</td><td>${p.count}</td></tr>`).join('');
  }
  $('counters').innerHTML = Object.entries(s.counters || {}).map(([name, value]) =>
    `<tr><td>${name.replace(/_/g, ' ')}${name === 'send_errors' ? ' (port loss)' : ''}</td><td>${value}</td></tr>`).join('');
}

function showError(text) {
  const box = $('error');
  box.textContent = text;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { box.textContent = ''; }, 6000);
}

// ---- controls ----

function buildControls(specs, values) {
  const box = $('controls');
  box.innerHTML = '';
  page.controls.clear();
  for (const spec of specs) {
    const element = document.createElement('div');
    element.className = 'control';
    const label = document.createElement('label');
    label.textContent = spec.name.replace(/_/g, ' ');
    label.htmlFor = 'control-' + spec.name;
    let input;
    const readout = document.createElement('span');
    readout.className = 'value';
    if (spec.choices.length > 0) {
      input = document.createElement('select');
      spec.choices.forEach((choice, i) => { const option = document.createElement('option'); option.value = i; option.textContent = choice; input.appendChild(option); });
      input.addEventListener('change', () => send({ type: 'set', name: spec.name, value: spec.choices[Number(input.value)] }));
    } else {
      input = document.createElement('input');
      input.type = 'range'; input.min = spec.min; input.max = spec.max;
      input.step = spec.whole ? 1 : (spec.max - spec.min) / 200;
      input.addEventListener('input', () => { readout.textContent = format(spec, Number(input.value)); debounceSend(spec.name, Number(input.value)); });
      input.addEventListener('pointerdown', () => { page.dragging = spec.name; });
      input.addEventListener('pointerup', () => { page.dragging = null; });
    }
    input.id = 'control-' + spec.name;
    input.dataset.name = spec.name;
    const right = document.createElement('div');
    right.appendChild(input);
    if (spec.choices.length === 0) right.appendChild(readout);
    element.append(label, right);
    box.appendChild(element);
    page.controls.set(spec.name, { spec, input, readout, element, value: null });
    setControl(spec.name, values[spec.name], false);
  }
}

function debounceSend(name, value) {
  clearTimeout(debounceSend.timers?.[name]);
  debounceSend.timers = debounceSend.timers || {};
  debounceSend.timers[name] = setTimeout(() => send({ type: 'set', name, value }), 40);
}

function format(spec, value) {
  if (spec.choices.length > 0) return spec.choices[value];
  return spec.whole ? String(Math.round(value)) : value.toFixed(2);
}

function setControl(name, value, moved) {
  const control = page.controls.get(name);
  if (!control) return;
  control.value = value;
  control.input.dataset.value = value;
  if (page.dragging !== name) control.input.value = value;
  control.readout.textContent = format(control.spec, value);
  if (moved) {
    control.element.classList.add('moved');
    setTimeout(() => control.element.classList.remove('moved'), 600);
  }
}

function buildPresets(presets, switching) {
  const select = $('preset');
  select.innerHTML = '';
  for (const preset of presets) {
    const option = document.createElement('option');
    option.value = preset.program; option.textContent = preset.program + ': ' + preset.name;
    select.appendChild(option);
  }
  $('presetGo').disabled = !switching || presets.length === 0;
  select.disabled = !switching;
}

function buildActions(actions) {
  const box = $('actions');
  box.innerHTML = '';
  for (const name of actions) {
    const button = document.createElement('button');
    button.type = 'button'; button.textContent = name.replace(/_/g, ' ');
    button.addEventListener('click', () => send({ type: 'action', name }));
    box.appendChild(button);
  }
}

$('presetGo').addEventListener('click', () => send({ type: 'preset', program: Number($('preset').value) }));
$('record').addEventListener('click', () => send({ type: 'record' }));
$('stop').addEventListener('click', () => send({ type: 'stop' }));

// ---- the piano roll ----

function now() {
  if (!page.running) return page.nowMs;
  return page.nowMs + Math.min(250, performance.now() - page.nowAt);
}

function draw(frameAt) {
  requestAnimationFrame(draw);
  // at most 30 frames a second, and none while nothing moves: the browser often shares the machine with the performer
  if (frameAt - page.drawnAt < 1000 / 30 || (!page.running && !page.dirty)) return;
  page.drawnAt = frameAt;
  page.dirty = false;
  const canvas = $('roll');
  const width = canvas.clientWidth, height = canvas.clientHeight;
  if (canvas.width !== width * devicePixelRatio) { canvas.width = width * devicePixelRatio; canvas.height = height * devicePixelRatio; }
  const g = canvas.getContext('2d');
  g.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
  g.clearRect(0, 0, width, height);
  const t = now();
  const planBeats = Math.min(page.controls.get('plan_beats')?.value ?? 0, page.beatsPerBar);
  const planMs = planBeats * 60000 / page.tempoBpm;   // how far ahead the model plans
  const from = t - PAST_MS, to = t + Math.max(AHEAD_MS, planMs * 1.15 + 200);
  const x = (ms) => (ms - from) / (to - from) * width;

  let low = 127, high = 0, human = 0, machine = 0, planned = 0;
  for (const note of page.notes.values()) {
    if ((note.end ?? note.planEnd ?? t) < from || note.start > to) continue;
    low = Math.min(low, note.key); high = Math.max(high, note.key);
  }
  if (low > high) { low = 48; high = 84; }
  const middle = (low + high) / 2, span = Math.max(24, high - low + 6);
  low = Math.floor(middle - span / 2); high = Math.ceil(middle + span / 2);
  const rowHeight = height / (high - low + 1);
  const y = (key) => (high - key) * rowHeight;

  for (let key = low; key <= high; key++) {          // black keys shaded, C lines
    if ([1, 3, 6, 8, 10].includes(((key % 12) + 12) % 12)) { g.fillStyle = COLORS.key; g.fillRect(0, y(key), width, rowHeight); }
    if (key % 12 === 0) { g.fillStyle = '#2a2e36'; g.fillRect(0, y(key) + rowHeight - 1, width, 1); g.fillStyle = '#555'; g.font = '10px sans-serif'; g.fillText('C' + (key / 12 - 1), 3, y(key) + rowHeight - 2); }
  }
  g.fillStyle = COLORS.grid;                          // a line every second
  for (let s = Math.ceil(from / 1000) * 1000; s <= to; s += 1000) g.fillRect(x(s), 0, 1, height);

  const planBox = (start, end, top, h) => {           // the plan: dashed, pale, ahead of the now-line
    const left = x(start), right = Math.max(left + 4, x(end));
    g.globalAlpha = 0.35; g.fillStyle = COLORS.plan; g.fillRect(left, top, right - left, h);
    g.globalAlpha = 1; g.setLineDash([4, 3]); g.strokeStyle = COLORS.plan; g.strokeRect(left, top, right - left, h); g.setLineDash([]);
  };
  for (const note of page.notes.values()) {
    const top = y(note.key) + 1, h = Math.max(2, rowHeight - 2);
    // a planned note lasts to its planned release, or past the plan's edge when its release is not sampled yet
    const planEnd = note.planEnd ?? Math.max(note.start, t + planMs);
    const ahead = note.planned || (note.part === 'machine' && note.start > t);
    if (ahead) {
      if (planEnd < from || note.start > to) continue;
      machine++;
      if (note.start > t) planned++;
      planBox(note.start, planEnd, top, h);
      continue;
    }
    const end = note.end ?? Math.max(t, note.start);
    if (end < from || note.start > to) continue;
    if (note.part === 'human') human++; else machine++;
    const left = x(note.start), right = Math.max(left + 2, x(end));
    g.globalAlpha = 0.45 + 0.55 * note.velocity / 127;
    g.fillStyle = COLORS[note.part]; g.fillRect(left, top, right - left, h);
    g.globalAlpha = 1;
    if (note.end == null && note.planEnd != null && note.planEnd > t) planBox(t, note.planEnd, top, h);   // its planned rest
  }
  g.fillStyle = COLORS.now; g.fillRect(x(t), 0, 2, height);
  g.fillStyle = '#888'; g.font = '11px sans-serif'; g.fillText('now', x(t) + 5, 12); g.fillText('plan \u2192', x(t) + 5, 26);
  $('noteCount').textContent = human + machine;
  $('planCount').textContent = planned;
  canvas.dataset.human = human; canvas.dataset.machine = machine; canvas.dataset.planned = planned;
}

window.addEventListener('resize', () => { page.dirty = true; });
const initial = JSON.parse($('initial').textContent);   // the state the page was served with: drawn before the socket opens
if (initial.type === 'hello') receive(initial);
connect();
requestAnimationFrame(draw);
