// vitrin serve: reload the page when the site is rebuilt (the browser
// keeps its scroll position on a reload); swap a changed style sheet
// without one.
(function () {
  var es = new EventSource("/_vitrin/events");
  es.addEventListener("open", function () {
    document.documentElement.setAttribute("data-vitrin-live", "");
  });
  es.addEventListener("reload", function () {
    location.reload();
  });
  es.addEventListener("css", function (e) {
    var names = JSON.parse(e.data);
    document.querySelectorAll('link[rel="stylesheet"]').forEach(function (link) {
      var u = new URL(link.href);
      Object.keys(names).forEach(function (old) {
        if (u.pathname.slice(-old.length - 1) === "/" + old) {
          u.pathname = u.pathname.slice(0, -old.length) + names[old];
          u.searchParams.set("v", Date.now());
          link.href = u.href;
        }
      });
    });
  });
})();
