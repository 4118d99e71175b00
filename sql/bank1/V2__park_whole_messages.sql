-- Version 2: a parked notification keeps the whole message. TEXT holds 64 KB, less than the largest message the
-- broker accepts (256 KB on the local broker, 4 MB by default), so a big unreadable body could not be parked and was
-- redelivered instead. MEDIUMTEXT holds 16 MB.
ALTER TABLE parked_notification MODIFY payload MEDIUMTEXT NULL;
