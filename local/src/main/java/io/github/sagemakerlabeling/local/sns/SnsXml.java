package io.github.sagemakerlabeling.local.sns;

/** Whole SNS query-protocol response documents: a result or an error. */
final class SnsXml {

    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private SnsXml() {
    }

    /**
     * {@code <ActionResponse><ActionResult>...</ActionResult><ResponseMetadata>...}. The result element comes first:
     * the AWS SDK takes the first child as the result. Actions without output have no result element.
     */
    static String success(String action, XmlWriter result, String requestId) {
        XmlWriter xml = new XmlWriter().raw("<" + action + "Response xmlns=\"" + NAMESPACE + "\">");
        if (!result.isEmpty()) {
            xml.start(action + "Result").raw(result.toString()).end(action + "Result");
        }
        return xml.start("ResponseMetadata").element("RequestId", requestId).end("ResponseMetadata")
                .end(action + "Response").toString();
    }

    /** {@code <ErrorResponse><Error><Type>..</Type><Code>..</Code><Message>..</Message></Error><RequestId>..}. */
    static String error(String type, String code, String message, String requestId) {
        return new XmlWriter().raw("<ErrorResponse xmlns=\"" + NAMESPACE + "\">")
                .start("Error").element("Type", type).element("Code", code).element("Message", message).end("Error")
                .element("RequestId", requestId)
                .end("ErrorResponse").toString();
    }
}
