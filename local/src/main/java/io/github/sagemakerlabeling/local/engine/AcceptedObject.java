package io.github.sagemakerlabeling.local.engine;

import java.time.Instant;

/**
 * An object the job took on: it counts as {@code Unlabeled} until workers label it or it fails.
 *
 * @param incoming   the object as it arrived
 * @param acceptedAt when the job took it, the start of its 14 days in the backlog
 * @param index      its number within the job, from 0: its folder in the output and its {@code datasetObjectId}
 */
record AcceptedObject(IncomingObject incoming, Instant acceptedAt, int index) {
}
