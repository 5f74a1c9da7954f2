/**
 * Stand-in for office.js in the e2e test, served in place of assets/office-js/office.js through
 * page.route (an addInitScript stub would be overwritten by the real file). It reports host Excel
 * and records what the bundle passes to CustomFunctions.associate, so the test can call the
 * functions exactly as Excel's shared runtime would.
 */
(function () {
  "use strict";
  var associated = {};
  var ids = [];

  function FunctionError(code, message) {
    this.code = code;
    this.message = message || "";
  }

  window.CustomFunctions = {
    associate: function (idOrMap, fn) {
      if (typeof idOrMap === "string") {
        associated[idOrMap] = fn;
        ids.push(idOrMap);
      } else {
        Object.keys(idOrMap).forEach(function (k) {
          associated[k] = idOrMap[k];
          ids.push(k);
        });
      }
    },
    Error: FunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
    },
  };

  var info = { host: "Excel", platform: "PC" };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC" },
    onReady: function (callback) {
      return Promise.resolve().then(function () {
        if (callback) callback(info);
        return info;
      });
    },
    context: { requirements: { isSetSupported: function () { return true; } } },
  };

  window.__officeStub = { associated: associated, ids: ids };
})();
