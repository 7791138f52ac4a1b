// On paper a link is its address: mark every link in the text with its absolute URL, which
// the print style sheet (kennisbank.css) writes after the link. Relative hrefs would not do.
(function () {
  function markLinks() {
    document.querySelectorAll(".md-content .md-typeset a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (!href || href.charAt(0) === "#" || link.classList.contains("headerlink")) return;
      if (link.textContent.trim() === link.href) return; // the text already is the address
      link.setAttribute("data-print-url", link.href);
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(markLinks); // Material's page-load signal, instant navigation included
  } else {
    document.addEventListener("DOMContentLoaded", markLinks);
  }
})();
