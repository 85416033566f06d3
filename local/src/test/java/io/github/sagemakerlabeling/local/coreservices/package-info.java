/**
 * Core's AWS-facing services (job lifecycle, publishing, output queues and receiving) exercised through the real AWS
 * SDK clients against Local Ground Truth. They live here because core cannot depend on the stand-in.
 */
package io.github.sagemakerlabeling.local.coreservices;
