// The declaration form: add/remove indicator rows, totals of money and weights as the user types.
(function () {
  "use strict";
  var form = document.getElementById("declaration-form");
  if (!form) { return; }
  function num(v) { var n = parseFloat(String(v || "").replace(/[,，\s]/g, "")); return isNaN(n) ? 0 : n; }
  function fmt(n) { return n.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 6 }); }
  function totals() {
    var m = 0, w = 0;
    form.querySelectorAll("input.money").forEach(function (el) { m += num(el.value); });
    form.querySelectorAll("input[name=ind_weight]").forEach(function (el) { w += num(el.value); });
    var unit = form.querySelector("#money-unit");
    document.getElementById("money-total").textContent = fmt(m) + " " + (unit && unit.value === "yuan" ? "元" : "万元");
    document.getElementById("weight-total").textContent = String(Math.round(w * 100) / 100);
  }
  function renumber() {
    form.querySelectorAll("#indicator-rows tr.indicator-row").forEach(function (tr, i) { tr.querySelector("td.n").textContent = i + 1; });
    totals();
  }
  document.getElementById("add-indicator").addEventListener("click", function () {
    var tpl = document.getElementById("indicator-template");
    document.getElementById("indicator-rows").appendChild(tpl.content.cloneNode(true));
    renumber();
    var rows = form.querySelectorAll("#indicator-rows tr.indicator-row");
    rows[rows.length - 1].querySelector("select").focus();
  });
  form.addEventListener("click", function (e) {
    if (e.target.classList.contains("remove-indicator")) { e.target.closest("tr").remove(); renumber(); }
  });
  form.addEventListener("input", totals);
  form.addEventListener("change", totals);
  renumber();
})();
