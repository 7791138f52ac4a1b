// A table wider than the screen scrolls inside Material's wrapper; a box that scrolls must take
// the keyboard focus, or it cannot be read without a mouse or a touch screen (WCAG 2.1.1).
// Material gives its wrapper no tabindex, so this does, with a name for screen readers, for
// as long as the table is wider than its box. (Tables the generator writes, such as the
// progress tables, carry their own tabindex and role; code blocks wrap on a phone instead.)
(function () {
  // A region's name tells the tables of a page apart: the caption, or the heading above it.
  function name(table, number) {
    var caption = table.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var headings = document.querySelectorAll(".md-content h2, .md-content h3");
    var above = null;
    headings.forEach(function (heading) {
      if (heading.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING) above = heading;
    });
    var title = above ? above.textContent.replace(/¶$/, "").trim() : "";
    return "Tabel " + number + (title ? " bij ‘" + title + "’" : "") + ", scrolt opzij";
  }

  function mark() {
    var count = 0;
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      var table = box.querySelector("table");
      if (!table || table.querySelector("a, button, input, select, [tabindex]")) return;
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", name(table, ++count));
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(mark); // after Material has wrapped the tables
  } else {
    document.addEventListener("DOMContentLoaded", mark);
  }
  window.addEventListener("resize", mark);
})();
