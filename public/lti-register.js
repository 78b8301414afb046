// LTI Dynamic Registration shown in a frame of the LMS's page (app/api/lti/register/route.ts).
// The Register button is never left inside someone else's frame (clickjacking), whatever the
// browser told the server; the framed page links to a window of its own instead, and passes
// that window's "close" message (public/lti-close.js) on to the LMS.
(function () {
  if (window.top !== window.self) document.querySelectorAll("form[data-register]").forEach(function (form) { form.remove(); });
  window.addEventListener("message", function (event) {
    if (event.origin === window.location.origin && event.data && event.data.subject === "org.imsglobal.lti.close" && window.parent !== window) {
      window.parent.postMessage({ subject: "org.imsglobal.lti.close" }, "*");
    }
  });
})();
