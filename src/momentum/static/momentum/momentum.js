// Small progressive enhancements; every page works without them.
document.addEventListener("click", function (event) {
  var target = event.target.closest("[data-confirm]");
  if (target && !window.confirm(target.getAttribute("data-confirm"))) {
    event.preventDefault();
  }
});

// The navigation's menus are <details> (they work without script); these lines make them behave
// like menus: one open at a time, closed by Escape (focus back on its name) or a click elsewhere.
(function () {
  var menus = Array.prototype.slice.call(document.querySelectorAll("[data-nav-menu]"));
  menus.forEach(function (menu) {
    menu.addEventListener("toggle", function () {
      if (!menu.open) return;
      menus.forEach(function (other) { if (other !== menu) other.open = false; });
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    menus.forEach(function (menu) {
      if (!menu.open) return;
      menu.open = false;
      if (menu.contains(document.activeElement)) menu.querySelector("summary").focus();
    });
  });
  document.addEventListener("click", function (event) {
    menus.forEach(function (menu) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
  });

  // The phone's menu button shows and hides the whole navigation.
  var button = document.querySelector("[data-menu-button]");
  var nav = document.querySelector("[data-main-nav]");
  if (!button || !nav) return;
  button.hidden = false;
  nav.setAttribute("data-collapsed", "");
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", open ? "false" : "true");
    if (open) nav.setAttribute("data-collapsed", ""); else nav.removeAttribute("data-collapsed");
  });
})();

// A knowledge test says how many of its questions are answered, as the participant goes.
(function () {
  var progress = document.querySelector("[data-test-progress]");
  var form = document.querySelector("form.test-form");
  if (!progress || !form) return;
  function update() {
    var answered = 0;
    form.querySelectorAll(".field").forEach(function (field) {
      if (field.querySelector("input:checked")) answered += 1;
    });
    progress.textContent = progress.getAttribute("data-template").replace("__answered__", answered);
  }
  form.addEventListener("change", update);
  update();
})();

// A file input names the files chosen in the page's language (templates/django/forms/widgets).
document.addEventListener("change", function (event) {
  var input = event.target;
  if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
  var line = input.parentElement && input.parentElement.querySelector("[data-file-name]");
  if (!line) return;
  if (!line.hasAttribute("data-none")) line.setAttribute("data-none", line.textContent);
  // Each name isolated (FSI … PDI), so an Arabic name beside a Latin one keeps its own order.
  var names = Array.prototype.map.call(input.files || [], function (file) {
    return "\u2068" + file.name + "\u2069";
  });
  var separator = document.documentElement.dir === "rtl" ? "، " : ", ";
  line.textContent = names.length ? names.join(separator) : line.getAttribute("data-none");
});
