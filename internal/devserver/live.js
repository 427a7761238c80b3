// vitrin serve: reload the page when the site is rebuilt, keeping its
// place; swap a changed style sheet without a reload.
(function () {
  var key = "vitrin-scroll:" + location.pathname;
  var y = sessionStorage.getItem(key);
  if (y !== null) {
    sessionStorage.removeItem(key);
    var back = function () { scrollTo(0, +y); };
    back();
    addEventListener("load", back);
  }
  var es = new EventSource("/_vitrin/events");
  es.addEventListener("reload", function () {
    sessionStorage.setItem(key, String(scrollY));
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
