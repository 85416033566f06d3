#!/usr/bin/env python3
"""Writes the excerpt of SageMaker's service model that Local Ground Truth validates requests against.

The excerpt holds the operations Local Ground Truth serves and every shape their inputs reach, as botocore's
service model (data/sagemaker/2017-07-24/service-2.json) defines them, without documentation. Nothing is edited:
member order, patterns, bounds and enums are the model's own.

    python3 local/src/build/sagemaker-model-excerpt.py            # rewrites the resource in the source tree
    python3 local/src/build/sagemaker-model-excerpt.py --stdout   # prints it (SageMakerModelExcerptTest compares)

botocore is Apache-2.0 licensed, (c) Amazon.com, Inc. or its affiliates; the excerpt says so and names its version.
"""
import gzip
import json
import os
import sys

import botocore

# The operations Local Ground Truth serves; add one here (and regenerate) when the stand-in serves another.
OPERATIONS = [
    "CreateLabelingJob",
    "DescribeLabelingJob",
    "ListLabelingJobs",
    "ListLabelingJobsForWorkteam",
    "StopLabelingJob",
]
MODEL = "data/sagemaker/2017-07-24/service-2.json"
RESOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "main", "resources", "io", "github",
                        "sagemakerlabeling", "local", "sagemaker", "validation", "sagemaker-model-excerpt.json")


def load_model():
    base = os.path.join(os.path.dirname(botocore.__file__), MODEL)
    if os.path.exists(base):
        with open(base, encoding="utf-8") as f:
            return json.load(f)
    with gzip.open(base + ".gz", "rt", encoding="utf-8") as f:
        return json.load(f)


def without_docs(value):
    if isinstance(value, dict):
        return {k: without_docs(v) for k, v in value.items() if k != "documentation"}
    if isinstance(value, list):
        return [without_docs(v) for v in value]
    return value


def reachable_shapes(model, roots):
    shapes = {}
    pending = list(roots)
    while pending:
        name = pending.pop()
        if name in shapes:
            continue
        shape = model["shapes"][name]
        shapes[name] = without_docs(shape)
        pending.extend(member["shape"] for member in shape.get("members", {}).values())
        pending.extend(shape[part]["shape"] for part in ("member", "key", "value") if part in shape)
    return {name: shapes[name] for name in sorted(shapes)}


def excerpt():
    model = load_model()
    operations = {}
    for name in OPERATIONS:
        operation = model["operations"][name]
        operations[name] = {"input": operation["input"]["shape"]}
    return {
        "origin": {
            "source": "botocore " + botocore.__version__ + ", " + MODEL,
            "license": "Apache-2.0",
            "copyright": "Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.",
            "generatedBy": "local/src/build/sagemaker-model-excerpt.py",
            "content": "the input shapes of the operations below, unedited, without documentation",
        },
        "metadata": {k: model["metadata"][k] for k in ("apiVersion", "targetPrefix", "protocol")},
        "operations": operations,
        "shapes": reachable_shapes(model, [op["input"] for op in operations.values()]),
    }


def main():
    text = json.dumps(excerpt(), indent=1, ensure_ascii=False) + "\n"
    if "--stdout" in sys.argv[1:]:
        sys.stdout.write(text)
        return
    with open(RESOURCE, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote " + os.path.normpath(RESOURCE))


if __name__ == "__main__":
    main()
