-- A logged-in reader's own time zone for displayed times (an IANA name); null: the site's tribune.time-zone.
alter table app_user add column time_zone text check (time_zone is null or length(time_zone) between 1 and 64);
