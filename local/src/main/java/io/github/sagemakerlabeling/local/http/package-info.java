/**
 * HTTP hardening shared by Local Ground Truth's servers on the JDK's {@code HttpServer}: a {@link
 * io.github.sagemakerlabeling.local.http.RequestGuard} in front of every handler (loopback {@code Host} only, no
 * foreign browser {@code Origin}, a capped request body), bounded handler pools and a request read timeout
 * ({@link io.github.sagemakerlabeling.local.http.HttpServers}), and strict form decoding
 * ({@link io.github.sagemakerlabeling.local.http.FormDecoder}). Nothing here knows a service: each server says how
 * it words a refusal ({@link io.github.sagemakerlabeling.local.http.ErrorResponder}).
 */
package io.github.sagemakerlabeling.local.http;
