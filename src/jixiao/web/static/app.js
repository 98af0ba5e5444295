// Charts from the JSON the page embeds, and upload progress; nothing is fetched from outside.
(function () {
  "use strict";

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  var GRADE_COLOURS = { "优": "#2e7d32", "良": "#1565c0", "中": "#ef8f00", "差": "#c62828" };

  var charts = {
    units: function (el) {
      var d = data("data-units");
      return {
        // room on the right for the value labels past the longest bar (they were clipped at 20 px)
        grid: { left: 10, right: 70, top: 10, bottom: 10, containLabel: true },
        tooltip: { trigger: "axis", valueFormatter: function (v) { return v == null ? "—" : v + "%"; } },
        xAxis: { type: "value", axisLabel: { formatter: "{value}%" },
                 max: function (v) { return Math.ceil(v.max * 1.12 / 10) * 10; } },
        yAxis: { type: "category", data: d.units, inverse: true,
                 axisLabel: { width: 180, overflow: "break" } },
        series: [{ type: "bar", data: d.rates, itemStyle: { color: "#a33a2b" },
                   label: { show: true, position: "right", formatter: "{c}%" } }]
      };
    },
    grades: function (el) {
      return {
        tooltip: { trigger: "item" },
        legend: { bottom: 0 },
        series: [{ type: "pie", radius: ["35%", "65%"],
                   data: data("data-grades").map(function (g) {
                     return { name: g.name, value: g.value, itemStyle: { color: GRADE_COLOURS[g.name] } };
                   }),
                   label: { formatter: "{b}: {c}" } }]
      };
    }
  };

  function drawCharts() {
    if (!window.echarts) { return; }
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var make = charts[el.getAttribute("data-chart")];
      if (!make) { return; }
      var chart = echarts.init(el, null, { renderer: "canvas" });
      chart.setOption(make(el));
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  function watchUpload() {
    var form = document.getElementById("upload-form");
    var bar = document.getElementById("upload-progress");
    if (!form || !bar) { return; }
    form.addEventListener("htmx:xhr:progress", function (evt) {
      if (evt.detail.lengthComputable) {
        bar.hidden = false;
        bar.value = Math.round(evt.detail.loaded / evt.detail.total * 100);
      }
    });
    form.addEventListener("htmx:beforeRequest", function () { bar.hidden = false; bar.value = 0; });
    form.addEventListener("htmx:afterRequest", function () { bar.value = 100; });
  }

  // Bring the highlighted source line into view (whole page or the panel HTMX just filled).
  function showHighlighted(panel) {
    var row = (panel || document).querySelector("table.source tr.hl");
    if (!row) { return; }
    if (!panel) { row.scrollIntoView({ block: "center" }); return; }
    var offset = row.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    panel.scrollTop += offset - panel.clientHeight / 3;  // scroll the panel only, not the page
    var cell = panel.querySelector("#marked-cell");  // the clicked figure's cell, off to the right in wide tables
    var box = cell && cell.closest(".source-scroll");
    if (box) {
      box.scrollLeft += cell.getBoundingClientRect().left - box.getBoundingClientRect().left - box.clientWidth / 3;
    }
  }

  document.addEventListener("DOMContentLoaded", function () { drawCharts(); watchUpload(); showHighlighted(); });
  document.addEventListener("htmx:afterSwap", function (evt) { showHighlighted(evt.detail.target); });
})();

// "返回上一页" links: back in history (a script file, since the pages allow no inline script).
document.querySelectorAll("a[data-back]").forEach(function (a) {
  a.addEventListener("click", function (e) {
    if (window.history.length > 1) { e.preventDefault(); window.history.back(); }
  });
});
