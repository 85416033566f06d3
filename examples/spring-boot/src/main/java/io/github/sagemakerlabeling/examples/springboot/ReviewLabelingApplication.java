package io.github.sagemakerlabeling.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Reviews in, labeled reviews out: a Spring Boot app whose labeling job is configured only in
 * {@code application.yaml}, through the {@code camel-sagemaker-labeling-starter}.
 */
@SpringBootApplication
public class ReviewLabelingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReviewLabelingApplication.class, args);
    }
}
