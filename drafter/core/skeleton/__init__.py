"""Report skeletons: the whole frame of a report from a few choices (see builder.py)."""

from drafter.core.skeleton.builder import build_skeleton
from drafter.core.skeleton.filler import remedy_role
from drafter.core.skeleton.matters import (
    offered_matters,
    scene_weight,
    suggested_matters,
    usable_problems,
)
from drafter.core.skeleton.pool import MATTER_NAMES, Matter, Pool
from drafter.core.skeleton.request import MAX_PROBLEMS, SkeletonRequest
from drafter.core.skeleton.threads import Placed, add_thread, dependents, remove

__all__ = [
    "MATTER_NAMES",
    "MAX_PROBLEMS",
    "Matter",
    "Placed",
    "Pool",
    "SkeletonRequest",
    "add_thread",
    "build_skeleton",
    "dependents",
    "offered_matters",
    "remedy_role",
    "remove",
    "scene_weight",
    "suggested_matters",
    "usable_problems",
]
