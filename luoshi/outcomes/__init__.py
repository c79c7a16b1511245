"""Outcomes: published results of a plan's targets, read from a report or entered, each confirmed by a person."""
