package io.github.sagemakerlabeling.local.sns;

/** Handles one SNS action: reads the request, returns the content of the {@code <ActionResult>} element. */
@FunctionalInterface
interface ActionHandler {

    /**
     * Handles a request.
     *
     * @return the result's content; empty for actions without output
     * @throws SnsException for a request SNS would refuse
     */
    XmlWriter handle(SnsRequest request);
}
