// The story timeline: one lane per event type, one mark per dated event, spanning its date's
// interval (a day is a dot, a week or a month a bar), coloured by status; a mark links to its
// event. Built with DOM calls only (never innerHTML), so no article text can become markup.
(function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const DAY = 86400000;
  // Marks that would overlap go on rows of their own, so that every one can be seen and clicked;
  // only past ROWS rows in one lane (a dense story seen whole) do they share the last.
  const ROW = 16, ROWS = 40, TOP = 10, AXIS = 34, LEFT = 110, RIGHT = 20;

  const figure = document.getElementById("timeline");
  const data = document.getElementById("timeline-data");
  if (!figure || !data) return;
  const events = JSON.parse(data.textContent);
  const dated = events.filter((e) => e.date && e.date.start && e.date.end);
  const day = (iso) => Date.parse(iso + "T00:00:00Z");

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  }

  function ticks(from, to) {
    // About eight ticks on whole days, weeks or months, whichever fits the span.
    const span = (to - from) / DAY;
    const out = [];
    if (span > 120) {
      const d = new Date(from);
      d.setUTCDate(1);
      const step = Math.max(1, Math.round(span / 30 / 8));
      while (d.getTime() <= to) {
        if (d.getTime() >= from) out.push([d.getTime(), d.toISOString().slice(0, 7)]);
        d.setUTCMonth(d.getUTCMonth() + step);
      }
    } else {
      const step = Math.max(1, Math.round(span / 8));
      for (let t = from; t <= to; t += step * DAY) out.push([t, new Date(t).toISOString().slice(0, 10)]);
    }
    return out;
  }

  if (!dated.length) {
    const p = document.createElement("p");
    p.className = "muted";
    p.textContent = "None of this story's events is dated by its articles, so there is no timeline to draw.";
    figure.appendChild(p);
    return;
  }

  // A story's background ("the war of 1999", "since 2019") would squeeze its busy weeks into a
  // few pixels, so the view starts on the shortest period holding FOCUS of the dated events;
  // a button shows the whole story.
  const FOCUS = 0.8;
  function busiest() {
    const starts = dated.map((e) => day(e.date.start)).sort((a, b) => a - b);
    const n = Math.max(1, Math.ceil(starts.length * FOCUS));
    let best = [starts[0], starts[starts.length - 1]];
    for (let i = 0; i + n - 1 < starts.length; i++) {
      if (starts[i + n - 1] - starts[i] < best[1] - best[0]) best = [starts[i], starts[i + n - 1]];
    }
    return best;
  }
  const whole = [Math.min(...dated.map((e) => day(e.date.start))), Math.max(...dated.map((e) => day(e.date.end)))];
  const focus = busiest();
  const zoomable = dated.length >= 5 && (focus[1] - focus[0]) * 3 < whole[1] - whole[0];

  function draw(range) {
    const from = range[0] - DAY, to = range[1] + 2 * DAY;
    const width = Math.max(figure.clientWidth - 20 || 0, 600);
    const x = (t) => LEFT + ((t - from) / (to - from)) * (width - LEFT - RIGHT);
    const shown = dated.filter((e) => day(e.date.end) >= from && day(e.date.start) <= to);
    const lanes = [...new Set(shown.map((e) => e.type))];
    // Marks of one lane that would overlap go on a further row of it.
    const rows = new Map();
    const laneRows = lanes.map(() => []);
    for (const e of [...shown].sort((a, b) => day(a.date.start) - day(b.date.start))) {
      const x0 = Math.max(x(day(e.date.start)), LEFT), x1 = Math.max(x(day(e.date.end) + DAY), x0 + 12);
      const ends = laneRows[lanes.indexOf(e.type)];
      let r = ends.findIndex((end) => end + 2 <= x0);
      if (r < 0) { r = Math.min(ends.length, ROWS - 1); }
      ends[r] = Math.max(ends[r] || 0, x1);
      rows.set(e, [r, x0, Math.min(x1, width - RIGHT)]);
    }
    const laneTop = [];
    let y = TOP;
    for (const ends of laneRows) { laneTop.push(y); y += Math.max(1, ends.length) * ROW + 10; }
    const height = y + AXIS;

    const svg = el("svg", { width: width, height: height, viewBox: `0 0 ${width} ${height}`, role: "img",
                            class: "timeline", "aria-label": `${shown.length} dated events` });
    lanes.forEach((type, i) => {
      const mid = laneTop[i] + (Math.max(1, laneRows[i].length) * ROW) / 2;
      el("line", { x1: LEFT, x2: width - RIGHT, y1: mid, y2: mid, class: "lane" }, svg);
      el("text", { x: LEFT - 8, y: mid + 4, "text-anchor": "end", class: "lane-label" }, svg).textContent = type;
    });
    const axisY = y + 2;
    el("line", { x1: LEFT, x2: width - RIGHT, y1: axisY, y2: axisY, class: "axis" }, svg);
    for (const [t, label] of ticks(from, to)) {
      if (x(t) > width - RIGHT - 30) continue;  // its label would be cut off
      el("line", { x1: x(t), x2: x(t), y1: axisY, y2: axisY + 5, class: "axis" }, svg);
      el("text", { x: x(t), y: axisY + 18, "text-anchor": "middle", class: "tick" }, svg).textContent = label;
    }
    for (const e of shown) {
      const [r, x0, x1] = rows.get(e);
      const cy = laneTop[lanes.indexOf(e.type)] + r * ROW + ROW / 2;
      const link = el("a", { href: `/events/${encodeURIComponent(e.id)}`, class: "mark", "data-event": e.id }, svg);
      const shape = x1 - x0 <= 12
        ? el("circle", { cx: (x0 + x1) / 2, cy: cy, r: 6 }, link)
        : el("rect", { x: x0, y: cy - 6, width: x1 - x0, height: 12, rx: 6 }, link);
      shape.setAttribute("class", `status-${e.status}`);
      const who = (e.actors || []).map((a) => a.name).join(", ");
      const outlets = (e.outlets || []).join(", ");
      el("title", {}, link).textContent =
        `${e.date.value} · ${e.type} (${e.status}) · ${who}${outlets ? " · reported by " + outlets : ""}`;
    }
    return [svg, dated.length - shown.length];
  }

  const caption = document.createElement("figcaption");
  caption.className = "muted";
  let zoomed = zoomable;
  function render() {
    const [svg, hidden] = draw(zoomed ? focus : whole);
    const old = figure.querySelector("svg.timeline");
    if (old) old.replaceWith(svg); else figure.insertBefore(svg, figure.firstChild);
    caption.textContent = "";
    const notes = [];
    const undated = Number(figure.dataset.undated || 0);
    if (hidden) notes.push(`${hidden} dated event${hidden > 1 ? "s" : ""} outside this period.`);
    if (undated) notes.push(`${undated} undated event${undated > 1 ? "s are" : " is"} in the table only.`);
    caption.append(notes.join(" ") + " ");
    if (zoomable) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "zoom";
      button.textContent = zoomed ? "Show the whole story" : "Show the busiest period";
      button.addEventListener("click", () => { zoomed = !zoomed; render(); });
      caption.append(button);
    }
  }
  render();
  figure.appendChild(caption);
})();
