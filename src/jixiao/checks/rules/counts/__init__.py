"""Rules of the counts family: numbers of things a statement counts (机构, 车辆, 人数)."""
