/**
 * The catalog of Ground Truth built-in task types: for each type, the rules it imposes on a labeling job (input key,
 * label attribute name, label count, label configuration format, output {@code type}) and, per region, the fixed
 * pre-annotation / annotation-consolidation Lambda ARNs and worker UI ARN a human task config needs.
 *
 * <p>Entry points: {@link io.github.sagemakerlabeling.core.tasktype.TaskType#fromName(String)} and
 * {@link io.github.sagemakerlabeling.core.tasktype.TaskTypeCatalog#preset(String, String)}.
 */
package io.github.sagemakerlabeling.core.tasktype;
