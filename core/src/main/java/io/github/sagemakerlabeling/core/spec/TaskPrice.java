package io.github.sagemakerlabeling.core.spec;

/**
 * What a public (Mechanical Turk) worker is paid for one task, as {@code PublicWorkforceTaskPrice.AmountInUsd}.
 *
 * @param dollars               0 to 2
 * @param cents                 0 to 99
 * @param tenthFractionsOfACent 0 to 9
 */
public record TaskPrice(Integer dollars, Integer cents, Integer tenthFractionsOfACent) {
}
