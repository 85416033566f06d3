/** Coalescing the data objects of concurrent single-object exchanges into PublishBatch calls. */
package io.github.sagemakerlabeling.camel.batch;
