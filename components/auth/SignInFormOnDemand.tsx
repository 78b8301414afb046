"use client";
import dynamic from "next/dynamic";

/**
 * The sign-in form, its script loaded only when it is shown. For app/unauthorized.tsx: Next.js
 * sends a layout's 401 page with every page under it, in case it is needed, and a client
 * component there has its script (next-auth's client with it) loaded on every page. Through
 * this wrapper, pages load only the wrapper; the form's script comes with a 401 page.
 */
export const SignInFormOnDemand = dynamic(() => import("./SignInForm").then((m) => m.SignInForm));
