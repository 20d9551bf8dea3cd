"""The report page's stylesheet and its one inline script (filters, print), both static text.

The script reads only the page's own data-* attributes and sets `hidden` and `textContent`:
nothing from an article is ever parsed as markup or code.
"""

from __future__ import annotations

import base64
import hashlib

STYLE = """
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans CJK SC',
'PingFang SC',sans-serif;margin:0 auto;max-width:78rem;padding:.8rem 1rem 3rem;color:#1d1d1f;
background:#fff;overflow-wrap:anywhere}
h1{font-size:1.6rem;margin:.4rem 0 .2rem}h2{font-size:1.15rem;margin:0}
h3{font-size:.95rem;margin:1rem 0 .3rem;color:#333}
a{color:#1a5fb4}.muted,.meta{color:#5f6368;font-size:.88rem}
.banner{background:#fff4d6;border:1px solid #e9c46a;padding:.5rem .8rem;border-radius:6px;
margin:.6rem 0}
details>summary{cursor:pointer;color:#1a5fb4}
details.box{border:1px solid #e3e3e3;border-radius:6px;padding:.4rem .7rem;margin:.6rem 0}
code{font-size:.8rem;word-break:break-all}
.scale{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,15rem),1fr));gap:.4rem;
margin:.4rem 0}
.band{border-left:6px solid #bbb;padding:.1rem .5rem;font-size:.88rem}
.band b{display:block}
.band.sev0{border-color:#9aa0a6}.band.sev1{border-color:#d4a800}.band.sev2{border-color:#e67e22}
.band.sev3{border-color:#c0392b}
dl.types{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;font-size:.88rem;
margin:.4rem 0}dl.types dt{font-weight:600}dl.types dd{margin:0}
form.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,8.5rem),1fr));
gap:.5rem .8rem;background:#f6f7f9;border:1px solid #e3e3e3;border-radius:8px;padding:.6rem .8rem;
margin:.8rem 0}
form.filters label{display:flex;flex-direction:column;font-size:.8rem;color:#444;min-width:0}
form.filters input,form.filters select{font:inherit;font-size:.9rem;width:100%;min-width:0}
form.filters .count{align-self:end;font-size:.9rem}
form.filters button{align-self:end;justify-self:start;font:inherit;font-size:.85rem}
section.group{border:1px solid #dadce0;border-radius:10px;margin:1.2rem 0;padding:.9rem 1rem}
.head{display:flex;flex-wrap:wrap;gap:.3rem .6rem;align-items:baseline}
.chip{display:inline-block;border-radius:999px;padding:0 .55rem;font-size:.8rem;
border:1px solid #dadce0;background:#f1f3f4;color:#3c4043;white-space:nowrap}
.chip.neutral{background:#fff;color:#5f6368}
.sev0{background:#eceff1;color:#37474f;border-color:#cfd8dc}
.sev1{background:#fff3c4;color:#5c4300;border-color:#e6cf6e}
.sev2{background:#ffe0c2;color:#7a3400;border-color:#f0a460}
.sev3{background:#c0392b;color:#fff;border-color:#c0392b}
.lead{margin:.5rem 0;font-size:1rem}
.original{border-left:4px solid #1a5fb4;background:#f3f7fd;padding:.4rem .8rem;margin:.6rem 0;
border-radius:0 6px 6px 0}
.original blockquote{margin:.2rem 0;font-size:1.05rem}
.renderings{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,17rem),1fr));
gap:.7rem;margin:.6rem 0}
.rendering{background:#fafafa;border:1px solid #e5e5e5;border-radius:8px;padding:.5rem .75rem;
min-width:0}
.rendering .who{font-weight:600;font-size:.9rem}
.rendering blockquote{margin:.35rem 0;font-size:1rem}
.rendering .context{font-size:.88rem;color:#3c4043;border-top:1px dashed #ccc;padding-top:.3rem}
.rendering .scores{font-size:.82rem;color:#5f6368}
.best{color:#1e6b34;font-weight:600}.far{color:#7a3400;font-weight:600}
mark{background:none;color:inherit;border-radius:3px;padding:0 .1rem}
mark.top.sev0{background:#e8eaed}mark.top.sev1{background:#fff0a8}
mark.top.sev2{background:#ffd2a6}mark.top.sev3{background:#f5b7b1;box-shadow:0 2px 0 #c0392b}
section.group:has(details.all[open]) mark.minor{background:#e8eaed;box-shadow:0 1px 0 #9aa0a6}
ul.top{list-style:none;padding:0;margin:.2rem 0}
ul.top li{border-top:1px solid #eee;padding:.45rem 0}
.pair{font-size:1rem}.why{font-size:.86rem;color:#3c4043}
.verdict{font-size:.9rem;color:#1e6b34}
table.diffs{border-collapse:collapse;width:100%;margin-top:.5rem;font-size:.86rem}
table.diffs th,table.diffs td{border-bottom:1px solid #eee;padding:.25rem .4rem;text-align:left;
vertical-align:top}
table.diffs th{background:#f5f5f5}td.num{text-align:right;font-variant-numeric:tabular-nums;
white-space:nowrap}
@media (max-width:44rem){
body{padding:.5rem .6rem 2rem;font-size:15px}
table.diffs thead{display:none}
table.diffs,table.diffs tbody,table.diffs tr,table.diffs td{display:block;width:100%}
table.diffs tr{border-top:2px solid #e3e3e3;padding:.3rem 0}
table.diffs td{border:0;padding:.1rem 0;text-align:left}
table.diffs td::before{content:attr(data-label) ": ";color:#5f6368;font-size:.8rem}
}
@media print{
form.filters,.noprint{display:none!important}
body{max-width:none;padding:0;font-size:11pt}
section.group{break-inside:avoid-page;border-color:#999}
.sev3{color:#000;background:#f5b7b1}
a{color:inherit;text-decoration:none}
}
"""

SCRIPT = """
(function () {
  var form = document.getElementById('filters');
  var groups = Array.prototype.slice.call(document.querySelectorAll('section.group'));
  addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
  if (!form) return;
  form.hidden = false;
  var count = document.getElementById('shown');
  var level = document.getElementById('level');
  function has(list, value) { return list.split('\\n').indexOf(value) >= 0; }
  function apply() {
    var speaker = form.speaker.value, outlet = form.outlet.value, type = form.type.value;
    var from = form.from.value, to = form.to.value, min = parseFloat(form.min.value) || 0;
    var q = form.q.value.trim().toLowerCase(), shown = 0;
    level.textContent = min.toFixed(2);
    groups.forEach(function (g) {
      var d = g.dataset, ok = parseFloat(d.drift || '0') >= min;
      if (ok && speaker) ok = d.speaker === speaker;
      if (ok && outlet) ok = has(d.outlets, outlet);
      if (ok && type) ok = has(d.types, type);
      if (ok && (from || to)) {
        ok = d.dates.split('\\n').some(function (x) {
          return x && (!from || x >= from) && (!to || x <= to);
        });
      }
      if (ok && q) ok = g.textContent.toLowerCase().indexOf(q) >= 0;
      g.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown + ' of ' + groups.length + ' statements shown';
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  apply();
})();
"""


def script_hash() -> str:
    """The CSP source of SCRIPT, so the page runs that script and no other."""
    digest = hashlib.sha256(SCRIPT.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
