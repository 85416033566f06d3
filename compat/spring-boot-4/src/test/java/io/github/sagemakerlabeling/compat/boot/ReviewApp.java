package io.github.sagemakerlabeling.compat.boot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Boot app whose routes name only the job: everything else comes from the starter's properties. */
@SpringBootApplication
public class ReviewApp {

    @Bean
    RouteBuilder reviewRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:reviews").routeId("feed-reviews").to("sagemaker-labeling:boot4-reviews");
                from("sagemaker-labeling:boot4-reviews").routeId("labeled-reviews")
                        .convertBodyTo(String.class)
                        .to("mock:labeled");
            }
        };
    }
}
