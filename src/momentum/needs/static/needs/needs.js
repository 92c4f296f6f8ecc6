// The questionnaire page: skip logic as the person answers (the server decides again on
// saving), and a copy of unsaved answers in the browser, put back if a session ended before
// they were saved.
(function () {
  "use strict";
  const form = document.getElementById("questionnaire");
  if (!form) return;

  function answerOf(name) {
    const inputs = form.querySelectorAll('[name="q-' + name + '"]');
    const values = [];
    inputs.forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
      if (input.value !== "") values.push(input.value);
    });
    return values;
  }

  function isShown(field) {
    const trigger = field.dataset.showIf;
    if (!trigger) return true;
    const parent = form.querySelector('[data-question="' + trigger + '"]');
    if (parent && !isShown(parent)) return false;
    const values = answerOf(trigger);
    if (field.dataset.showOperator === "includes") return values.indexOf(field.dataset.showValue) !== -1;
    return values.length === 1 && values[0] === field.dataset.showValue;
  }

  function applySkipLogic() {
    form.querySelectorAll("[data-show-if]").forEach(function (field) {
      field.hidden = !isShown(field);
    });
  }

  const key = form.dataset.storageKey;
  function remember() {
    try {
      const data = {};
      new FormData(form).forEach(function (value, name) {
        if (name === "csrfmiddlewaretoken" || name === "version") return;
        (data[name] = data[name] || []).push(value);
      });
      window.localStorage.setItem(key, JSON.stringify(data));
    } catch (error) { /* storage may be off: the server copy is the one that counts */ }
  }

  function restore() {
    let data = null;
    try { data = JSON.parse(window.localStorage.getItem(key) || "null"); } catch (error) { data = null; }
    if (!data) return;
    let changed = false;
    Object.keys(data).forEach(function (name) {
      form.querySelectorAll('[name="' + CSS.escape(name) + '"]').forEach(function (input) {
        if (input.type === "radio" || input.type === "checkbox") {
          const checked = data[name].indexOf(input.value) !== -1;
          if (input.checked !== checked) { input.checked = checked; changed = true; }
        } else if (input.value !== data[name][0]) {
          input.value = data[name][0]; changed = true;
        }
      });
    });
    const note = form.querySelector("[data-restore-note]");
    if (changed && note) note.hidden = false;
  }

  if (key && form.querySelector('button[name="action"]')) {
    restore();
    form.addEventListener("input", remember);
    form.addEventListener("change", remember);
    // A save gives the submission a new version, hence a new key: copies kept under older
    // versions were saved (or overtaken) and go.
    try {
      const prefix = key.replace(/-\d+$/, "-");
      Object.keys(window.localStorage).forEach(function (stored) {
        if (stored.indexOf(prefix) === 0 && stored !== key) window.localStorage.removeItem(stored);
      });
    } catch (error) { /* ignore */ }
  }
  // Read-only (submitted, approved, or a reviewer's view): the server already chose what shows.
  if (!form.querySelector('button[name="action"]')) return;
  form.addEventListener("change", applySkipLogic);
  applySkipLogic();
})();
