// Checks a certificate's signed statement on this device, with no network: the programme's
// public keys are written into the page, and WebCrypto verifies the Ed25519 signature.
(function () {
  "use strict";
  var form = document.getElementById("offline-verify");
  if (!form) return;
  var keys = JSON.parse(document.getElementById("certificate-keys").textContent).keys;
  var input = form.querySelector("textarea");
  var result = document.getElementById("offline-result");

  function unb64(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var binary = atob(b64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function token(text) {
    var hash = text.indexOf("#");
    return (hash >= 0 ? text.slice(hash + 1) : text).trim();
  }

  function show(state, statement) {
    result.hidden = false;
    result.dataset.state = state;
    result.querySelector("[data-message]").textContent = result.dataset[state];
    var list = result.querySelector("dl");
    list.hidden = !statement;
    if (!statement) return;
    var lang = document.documentElement.lang;
    var course = statement.course[lang] || statement.course.en || Object.values(statement.course)[0] || "";
    var values = {
      name: statement.name, name_ar: statement.name_ar, course: course,
      dates: statement.from + " – " + statement.to, issued: statement.issued,
      expires: statement.expires || "—", code: statement.code
    };
    Object.keys(values).forEach(function (field) {
      var cell = list.querySelector('[data-field="' + field + '"]');
      if (cell) cell.textContent = values[field];
    });
  }

  async function check(text) {
    var parts = token(text).split(".");
    if (parts.length !== 3) return show("invalid");
    var key = keys.find(function (k) { return k.kid === parts[0]; });
    if (!key) return show("unknown");
    try {
      var publicKey = await crypto.subtle.importKey(
        "raw", unb64(key.x), { name: "Ed25519" }, false, ["verify"]);
      var signed = new TextEncoder().encode(parts[0] + "." + parts[1]);
      var ok = await crypto.subtle.verify({ name: "Ed25519" }, publicKey, unb64(parts[2]), signed);
      if (!ok) return show("invalid");
      show("genuine", JSON.parse(new TextDecoder().decode(unb64(parts[1]))));
    } catch (error) {
      show(error && error.name === "NotSupportedError" ? "unsupported" : "invalid");
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    check(input.value);
  });
  if (location.hash.length > 1) {
    input.value = location.href;
    check(location.href);
  }
})();
