// LTI Dynamic Registration, last step: tells the LMS that opened the registration page (as a
// window or in a frame) that it is finished, so that it closes it (app/api/lti/register/route.ts).
// A file of the app's own rather than an inline script, so that it runs under any script-src.
(window.opener || window.parent).postMessage({ subject: "org.imsglobal.lti.close" }, "*");
